// The demo's stand-in for a payment provider's hosted page: it shows what the signed token says and, on "pay",
// posts the token back to Portico as the provider's webhook would, then returns to the portal.
const copy = {
  en: { title: 'Demo payment page', intro: "A stand-in for the payment provider's page. No card is charged.", what: 'Charge', amount: 'Amount', card: 'Card', pay: 'Pay', back: 'Back to the portal', cards: 'Your saved cards', paid: 'Paid. Returning to the portal…', failed: 'The payment could not be completed. Go back and try again.' },
  'pt-BR': { title: 'Página de pagamento (demonstração)', intro: 'Substitui a página do provedor de pagamento. Nenhum cartão é cobrado.', what: 'Cobrança', amount: 'Valor', card: 'Cartão', pay: 'Pagar', back: 'Voltar ao portal', cards: 'Seus cartões salvos', paid: 'Pago. Voltando ao portal…', failed: 'Não foi possível concluir o pagamento. Volte e tente de novo.' },
  es: { title: 'Página de pago (demostración)', intro: 'Sustituye la página del proveedor de pagos. No se cobra ninguna tarjeta.', what: 'Cargo', amount: 'Importe', card: 'Tarjeta', pay: 'Pagar', back: 'Volver al portal', cards: 'Sus tarjetas guardadas', paid: 'Pagado. Volviendo al portal…', failed: 'No se pudo completar el pago. Vuelva e inténtelo de nuevo.' },
};
const $ = (id) => document.getElementById(id);
const token = location.hash.slice(1);
let page;
try {
  page = JSON.parse(atob(token.split('.')[0].replace(/-/g, '+').replace(/_/g, '/')));
} catch {
  page = undefined;
}
const locale = page && copy[page.locale] ? page.locale : 'en';
const t = copy[locale];
document.documentElement.lang = locale;
document.title = t.title;
$('title').textContent = t.title;
$('intro').textContent = t.intro;
$('back').textContent = t.back;
$('pay').textContent = t.pay;
$('what-label').textContent = t.what;
$('amount-label').textContent = t.amount;
$('card-label').textContent = t.card;
if (page) $('back').href = page.returnUrl.replace(/([?&])portal-payment=done/, '$1portal-payment=cancelled');
if (page?.kind === 'pay') {
  const digits = new Intl.NumberFormat(locale, { style: 'currency', currency: page.currency }).resolvedOptions().maximumFractionDigits;
  $('what').textContent = page.description;
  $('amount').textContent = new Intl.NumberFormat(locale, { style: 'currency', currency: page.currency }).format(page.amount / 10 ** digits);
  $('details').hidden = false;
  $('pay').hidden = false;
  $('pay').addEventListener('click', async () => {
    $('pay').disabled = true;
    const answer = await fetch('/api/webhooks/demo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }).catch(() => undefined);
    if (answer?.ok) {
      $('intro').textContent = t.paid;
      location.assign(page.returnUrl);
    } else {
      $('error').textContent = t.failed;
      $('error').hidden = false;
      $('pay').disabled = false;
    }
  });
} else if (page?.kind === 'manage') {
  $('intro').textContent = t.cards;
  $('what-label').textContent = t.card;
  $('what').textContent = 'Visa •••• 4242';
  $('details').hidden = false;
  $('amount-label').hidden = true;
  $('amount').hidden = true;
  $('card-label').hidden = true;
  $('card-label').nextElementSibling.hidden = true;
  $('back').href = page.returnUrl;
}
