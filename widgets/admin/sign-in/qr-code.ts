import { svg, type SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

/**
 * The otpauth URI as a QR code for an authenticator app to scan (uqr: a small, dependency-free encoder, only in the
 * console's chunk). Drawn as one SVG path — no markup strings, so it works under Trusted Types — dark on white
 * whatever the theme, with the quiet zone scanners need.
 */
export function qrCode(text: string, label: string): SVGTemplateResult {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) path += `M${x} ${y}h1v1h-1z`;
  }));
  return svg`<svg class="as-qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" width="192" height="192" shape-rendering="crispEdges">
    <rect width=${size} height=${size} fill="#ffffff"></rect><path d=${path} fill="#000000"></path>
  </svg>`;
}
