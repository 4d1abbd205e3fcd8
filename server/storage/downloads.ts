import { contentDisposition } from './uploads.ts';

/**
 * A file sent as a download, never rendered: RFC 6266 name, `nosniff`, `no-store`, and a sandboxing CSP in case a
 * browser opens it anyway. `size` is known for stored files and unknown for generated (streamed) ones.
 */
export function downloadResponse(body: ReadableStream<Uint8Array>, file: { name: string; type: string; size?: number }): Response {
  const headers: Record<string, string> = {
    'Content-Type': file.type,
    'Content-Disposition': contentDisposition(file.name),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (file.size !== undefined) headers['Content-Length'] = String(file.size);
  return new Response(body, { headers });
}
