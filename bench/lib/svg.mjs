// A small log-log line chart as SVG text: no charting dependency for one picture.
const COLOURS = ['#c0392b', '#555555', '#2471a3', '#7d3c98', '#b9770e', '#138d75', '#6e2c00'];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * series: [{ name, points: [{ x, y }], dnfAt?: x }] with x and y > 0. A series that did not finish at a size
 * gets a cross on the top edge there.
 */
export function logLogChart({ title, xLabel, yLabel, series, xTicks, width = 760, height = 460 }) {
  const m = { left: 70, right: 170, top: 40, bottom: 55 };
  let dnfRow = 0;
  const xs = series.flatMap((s) => s.points.map((p) => p.x).concat(s.dnfAt ? [s.dnfAt] : []));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  // x spans exactly the sizes measured; y spans whole decades
  const lx0 = Math.log10(Math.min(...xs)),
    lx1 = Math.log10(Math.max(...xs));
  const ly0 = Math.floor(Math.log10(Math.min(...ys))),
    ly1 = Math.ceil(Math.log10(Math.max(...ys)));
  const W = width - m.left - m.right,
    H = height - m.top - m.bottom;
  const X = (x) => m.left + ((Math.log10(x) - lx0) / (lx1 - lx0 || 1)) * W;
  const Y = (y) => m.top + H - ((Math.log10(y) - ly0) / (ly1 - ly0 || 1)) * H;
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${m.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`);
  for (let d = ly0; d <= ly1; d++) {
    const y = Y(10 ** d);
    out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + W}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 8}" y="${y + 4}" text-anchor="end">${esc(fmtMs(10 ** d))}</text>`);
  }
  for (const t of xTicks ?? []) {
    const x = X(t.x);
    out.push(`<line x1="${x}" y1="${m.top}" x2="${x}" y2="${m.top + H}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${m.top + H + 18}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${W}" height="${H}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${m.left + W / 2}" y="${height - 12}" text-anchor="middle">${esc(xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${m.top + H / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  series.forEach((s, i) => {
    const c = s.colour ?? COLOURS[i % COLOURS.length];
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0);
    if (pts.length > 1)
      out.push(
        `<polyline fill="none" stroke="${c}" stroke-width="${s.bold ? 3 : 2}" points="${pts.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ')}"/>`,
      );
    for (const p of pts) out.push(`<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="3.5" fill="${c}"/>`);
    if (s.dnfAt) {
      // stacked down from the top edge, so several tools stopped at one size stay visible
      const x = X(s.dnfAt),
        y = m.top + 8 + 14 * dnfRow++;
      out.push(
        `<path d="M${x - 5},${y - 5}L${x + 5},${y + 5}M${x - 5},${y + 5}L${x + 5},${y - 5}" stroke="${c}" stroke-width="2"/>`,
      );
    }
    const ly = m.top + 10 + i * 20;
    out.push(
      `<line x1="${m.left + W + 14}" y1="${ly}" x2="${m.left + W + 36}" y2="${ly}" stroke="${c}" stroke-width="${s.bold ? 3 : 2}"/>`,
    );
    out.push(`<text x="${m.left + W + 42}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  const noteY = m.top + 10 + series.length * 20 + 10;
  out.push(`<text x="${m.left + W + 14}" y="${noteY}" fill="#555">× did not finish</text>`);
  out.push(`<text x="${m.left + W + 14}" y="${noteY + 16}" fill="#555">in 60 s</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export function fmtMs(ms) {
  if (ms >= 1000) return `${+(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${+ms.toPrecision(3)} ms`;
  return `${+ms.toPrecision(2)} ms`;
}
