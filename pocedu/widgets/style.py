"""Projector-readable, colour-blind-safe styles for the question widgets (Okabe-Ito palette)."""

from __future__ import annotations

CORRECT = "#0072B2"
"""Okabe-Ito blue, used with a check mark and the word 'Correct'."""
WRONG = "#B84F00"
"""A darker Okabe-Ito vermillion (5:1 on white), used with a cross and the words "Not quite"."""
NEUTRAL = "#555555"
TEXT = "#111111"
"""Body text of lessons, widgets and note boxes."""
WARNING_BG = "#FBF8CF"
"""Pale yellow behind a lesson's warning box (with TEXT: over 17:1)."""
INFO_BG = "#D5ECFA"
"""Pale blue behind a lesson's information box (with TEXT: over 15:1)."""
MUTED = "#767676"
"""Grey for instructor-only notes (item ids); still 4.5:1 on white."""

CSS = f"""
.pocedu-q {{ font-size: 17px; line-height: 1.45; color: #111; max-width: 60em;
  border: 1px solid #bbb; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }}
.pocedu-q .widget-html-content, .pocedu-q .widget-label, .pocedu-q label,
.pocedu-q .widget-radio-box label, .pocedu-q .widget-label-basic span,
.pocedu-q textarea, .pocedu-q select, .pocedu-q button {{ font-size: 17px; }}
.pocedu-q .widget-html-content, .pocedu-q .widget-radio-box label,
.pocedu-q .widget-label-basic span {{ white-space: normal; overflow: visible;
  text-overflow: clip; line-height: 1.4; height: auto; }}
.pocedu-q .widget-radio-box label {{ margin: 4px 0; display: flex; align-items: flex-start;
  gap: 8px; }}
.pocedu-q .widget-radio-box label input {{ flex: none; margin-top: 5px; order: -1; }}
.pocedu-q .widget-inline-hbox, .pocedu-q .widget-checkbox {{ height: auto; min-height: 32px; }}
.pocedu-q .widget-button, .pocedu-q .widget-toggle-button {{ height: auto; min-height: 38px;
  padding: 6px 16px; }}
.pocedu-q button:focus, .pocedu-q input:focus, .pocedu-q select:focus,
.pocedu-q textarea:focus {{ outline: 3px solid #000; outline-offset: 2px; }}
.pocedu-q .pocedu-prompt {{ font-weight: 600; }}
.pocedu-q .pocedu-head {{ display: flex; justify-content: space-between; align-items: baseline;
  gap: 12px; margin-bottom: 2px; }}
.pocedu-q .pocedu-qnum {{ font-weight: 700; font-size: 17px; color: #111; }}
.pocedu-q .pocedu-id {{ color: {MUTED}; font-size: 12px; font-weight: 400; }}
.pocedu-q .widget-toggle-button.mod-active {{ font-weight: 700; border: 3px solid #000;
  box-shadow: inset 0 -4px 0 #000; opacity: 1; }}
.pocedu-q .widget-toggle-button.mod-active::before {{ content: "\\2713\\00a0"; }}
.pocedu-q .widget-toggle-button:disabled:not(.mod-active) {{ opacity: 0.45; }}
.pocedu-q .pocedu-order-row .widget-html {{ flex: 1 1 0%; min-width: 0; }}
.pocedu-q .pocedu-order-row .widget-button {{ flex: none; min-width: 104px; }}
.pocedu-fb {{ border-left: 6px solid {NEUTRAL}; padding: 6px 12px; margin-top: 6px; }}
.pocedu-fb.pocedu-correct {{ border-color: {CORRECT}; }}
.pocedu-fb.pocedu-wrong {{ border-color: {WRONG}; }}
.pocedu-progress table {{ border-collapse: collapse; font-size: 17px; }}
.pocedu-progress th, .pocedu-progress td {{ border: 1px solid #999; padding: 4px 10px; }}
.jp-Cell .jp-InputPlaceholder {{ display: none; }}
.jp-Cell.jp-CodeCell .jp-Cell-inputWrapper:has(.jp-InputPlaceholder) {{ display: none; }}
.jp-RenderedMarkdown.jp-RenderedHTMLCommon {{ font-size: 17px; line-height: 1.5; }}
.jp-RenderedHTMLCommon .alert {{ font-size: 17px; color: {TEXT}; padding: 8px 14px;
  border-left: 6px solid; border-radius: 4px; margin: 8px 0; }}
.jp-RenderedHTMLCommon .alert-warning {{ background: {WARNING_BG}; border-color: #E69F00; }}
.jp-RenderedHTMLCommon .alert-info {{ background: {INFO_BG}; border-color: #0072B2; }}
.pocedu-threat-table {{ border-collapse: collapse; font-size: 17px; margin: 6px 0; }}
.pocedu-threat-table th, .pocedu-threat-table td {{ border: 1px solid #999; padding: 4px 8px;
  text-align: left; }}
"""


def style_tag() -> str:
    """The ``<style>`` element that ``lesson.start`` (and the quiz runtime) show once."""
    return f"<style>{CSS}</style>"
