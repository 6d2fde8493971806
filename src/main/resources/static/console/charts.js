// Small inline SVG charts, drawn from data the console already has (no library).

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

function frame(title, width, height) {
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' }, s('title', {}, title));
}

/**
 * Horizontal stacked bars, one per row: rows [{label, parts: [{key, value}]}], keys [{key, label}]; the
 * parts are coloured by key (CSS classes part-<key>).
 */
export function stackedBars(title, rows, keys, format) {
  const rowHeight = 22;
  const labelWidth = 90;
  const width = 560;
  const height = Math.max(1, rows.length) * rowHeight + 30;
  const max = Math.max(1, ...rows.map((row) => row.parts.reduce((sum, part) => sum + part.value, 0)));
  const svg = frame(title, width, height);
  rows.forEach((row, index) => {
    const y = index * rowHeight + 4;
    svg.append(s('text', { x: 0, y: y + 14, class: 'chart-label' }, row.label));
    let x = labelWidth;
    for (const part of row.parts) {
      const w = (part.value / max) * (width - labelWidth - 70);
      if (w > 0) {
        svg.append(s('rect', { x, y, width: w, height: rowHeight - 6, class: `part-${part.key}` },
          s('title', {}, `${row.label} ${part.key}: ${format(part.value)}`)));
      }
      x += w;
    }
    const total = row.parts.reduce((sum, part) => sum + part.value, 0);
    svg.append(s('text', { x: x + 4, y: y + 14, class: 'chart-value' }, format(total)));
  });
  const legendY = height - 8;
  keys.forEach((key, index) => {
    svg.append(s('rect', { x: labelWidth + index * 110, y: legendY - 9, width: 10, height: 10, class: `part-${key.key}` }));
    svg.append(s('text', { x: labelWidth + index * 110 + 14, y: legendY, class: 'chart-label' }, key.label));
  });
  return svg;
}

/** A line through points [{x, y}] (x ascending), with the last value written at its end. */
export function line(title, points, format, className = 'series') {
  const width = 560;
  const height = 140;
  const pad = 28;
  const svg = frame(title, width, height);
  svg.append(s('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' }));
  if (points.length === 0) return svg;
  const minX = points[0].x;
  const spanX = Math.max(1, points[points.length - 1].x - minX);
  const maxY = Math.max(1e-9, ...points.map((p) => p.y));
  const at = (p) => [pad + ((p.x - minX) / spanX) * (width - 3 * pad), height - pad - (p.y / maxY) * (height - 2 * pad)];
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${at(p).map((v) => v.toFixed(1)).join(' ')}`).join(' ');
  svg.append(s('path', { d: path, class: className }));
  const [lx, ly] = at(points[points.length - 1]);
  svg.append(s('text', { x: Math.min(lx + 4, width - 60), y: Math.max(ly - 4, 12), class: 'chart-value' }, format(points[points.length - 1].y)));
  return svg;
}

/** Vertical bars [{label, value, key}] (key picks the colour class). */
export function columns(title, bars, format) {
  const width = 560;
  const height = 150;
  const pad = 24;
  const svg = frame(title, width, height);
  const max = Math.max(1e-9, ...bars.map((bar) => bar.value));
  const slot = (width - pad) / Math.max(1, bars.length);
  bars.forEach((bar, index) => {
    const h = (bar.value / max) * (height - 2 * pad - 10);
    const x = pad / 2 + index * slot + slot * 0.15;
    const y = height - pad - h;
    svg.append(s('rect', { x, y, width: slot * 0.7, height: Math.max(h, 0), class: `bar part-${bar.key ?? 'llm'}` },
      s('title', {}, `${bar.label}: ${format(bar.value)}`)));
    svg.append(s('text', { x: x + slot * 0.35, y: y - 3, class: 'chart-value', 'text-anchor': 'middle' }, format(bar.value)));
    svg.append(s('text', { x: x + slot * 0.35, y: height - 8, class: 'chart-label', 'text-anchor': 'middle' }, bar.label));
  });
  return svg;
}
