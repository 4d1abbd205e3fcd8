-- The business's list of charges (console, integration API) is ordered by due date across the tenant: this index
-- lets a page of it stop after one page instead of sorting the tenant's whole history (bench figure 8).
create index charges_by_tenant on charges (tenant_id, due_date desc, id desc);
