"""Measure a drawn plotly figure as a student sees it: text clipped, overlapping, too small,
too faint, outside its box, or a figure taller than the visible part of the notebook.

``FIT_JS`` runs in the page on one ``.js-plotly-plot`` and returns plain problems; the tests
render each figure at the width of the notebook column at 1366x768. Contrast is measured
against the shape under the text's centre (white paper when none); text over a heatmap image
is not measured (plotly picks black or white per cell).
"""

from __future__ import annotations

from typing import Any

COLUMN_PX = 934
"""Width of JupyterLab's notebook column for an output at a 1366x768 window."""
VISIBLE_PX = 620
"""Height of the notebook panel a figure must fit into at 1366x768 (menus, tabs, toolbar and
status bar take the rest)."""
MIN_TEXT_PX = 16
MIN_CONTRAST = 4.5

FIT_JS = r"""
([plot, minText, minContrast, maxHeight]) => {
  const problems = [];
  const svg = plot.querySelector('.main-svg');
  const frame = svg.getBoundingClientRect();
  if (frame.height > maxHeight + 0.5)
    problems.push(`figure is ${Math.round(frame.height)} px high (visible: ${maxHeight} px)`);
  const rgb = s => { const m = (s || '').match(/[\d.]+/g); return m ? m.map(Number) : null; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92
                                       : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
                               return (x + 0.05) / (y + 0.05); };
  const solid = el => { const cs = getComputedStyle(el); const fill = rgb(cs.fill);
    if (!fill || cs.fill === 'none' || fill.length < 3) return null;
    const op = Number(cs.fillOpacity) * (fill.length > 3 ? fill[3] : 1) * Number(cs.opacity);
    if (op < 0.05) return null;
    return fill.slice(0, 3).map(v => v * op + 255 * (1 - op)); };
  const SHAPES = new Set(['rect', 'path', 'circle', 'ellipse', 'polygon']);
  const isText = el => !SHAPES.has(el.tagName);  // groups inherit the text's fill: skip
  const texts = [...svg.parentElement.querySelectorAll('svg text')].filter(t => {
    const r = t.getBoundingClientRect(); const cs = getComputedStyle(t);
    return t.textContent.trim() && r.width > 0 && cs.display !== 'none'
      && cs.visibility !== 'hidden' && Number(cs.opacity) > 0 && Number(cs.fillOpacity) > 0
      && !t.closest('.modebar') && !t.closest('.hoverlayer');
  });
  const boxes = [];
  for (const t of texts) {
    const r = t.getBoundingClientRect(); const label = t.textContent.trim().slice(0, 40);
    const size = parseFloat(getComputedStyle(t).fontSize);
    if (size < minText - 0.01) problems.push(`'${label}': ${size} px text`);
    if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1
        || r.bottom > frame.bottom + 1) problems.push(`'${label}': clipped by the figure edge`);
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
    let bg = [255, 255, 255], under = null, picture = false;
    for (const el of document.elementsFromPoint(cx, cy)) {
      if (el.tagName === 'image' && svg.parentElement.contains(el)) { picture = true; break; }
      if (isText(el) || el === t || !svg.parentElement.contains(el)) continue;
      const s = solid(el); if (s) { bg = s; under = el; break; }
    }
    const fg = rgb(getComputedStyle(t).fill) || [0, 0, 0];
    const ratio = contrast(fg.slice(0, 3), bg);
    // over a heatmap image plotly picks black or white text per cell: not measured here
    if (t.closest('.heatmaplayer, .hm')) picture = true;
    if (!picture && ratio < minContrast)
      problems.push(`'${label}': contrast ${ratio.toFixed(2)}:1`);
    const box = under && under.closest('.annotation, .shapelayer path, .shape-group');
    const ann = t.closest('.annotation');
    const annBg = ann && ann.querySelector('rect.bg') && solid(ann.querySelector('rect.bg'))
      ? ann.querySelector('rect.bg') : null;  // a visible annotation box, else the shape under
    const frameOf = annBg || (under && under.tagName === 'path' && under.closest('.shapelayer')
                              ? under : null);
    if (frameOf) {
      const b = frameOf.getBoundingClientRect();
      if (b.width > 2 && b.height > 2 && (r.left < b.left - 1 || r.right > b.right + 1
          || r.top < b.top - 1 || r.bottom > b.bottom + 1))
        problems.push(`'${label}': runs past its box`);
    }
    boxes.push([label, r, t]);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [la, a, ta] = boxes[i], [lb, b, tb] = boxes[j];
    if (ta.contains(tb) || tb.contains(ta)) continue;
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 2 && h > 2) problems.push(`'${la}' overlaps '${lb}'`);
  }
  return [...new Set(problems)];
}
"""


def figure_page(fig: Any) -> str:
    """A self-contained HTML page drawing ``fig`` at the notebook column's width."""
    import plotly.io as pio

    return pio.to_html(fig, full_html=True, include_plotlyjs=True,
                       default_width=f"{COLUMN_PX}px", config={"responsive": False})


def measure(page: Any) -> list[list[str]]:
    """Problems of every figure drawn on ``page``."""
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    out = []
    for handle in page.query_selector_all(".js-plotly-plot"):
        out.append(page.evaluate(FIT_JS, [handle, MIN_TEXT_PX, MIN_CONTRAST, VISIBLE_PX]))
    return out
