"""Projector-readable, colour-blind-safe styles for the question widgets (Okabe-Ito palette)."""

from __future__ import annotations

CORRECT = "#0072B2"
"""Okabe-Ito blue, used with a check mark and the word 'Correct'."""
WRONG = "#D55E00"
"""Okabe-Ito vermillion, used with a cross and the words 'Not quite'."""
NEUTRAL = "#555555"

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
.pocedu-q .widget-radio-box label input {{ flex: none; margin-top: 5px; }}
.pocedu-q .widget-inline-hbox, .pocedu-q .widget-checkbox {{ height: auto; min-height: 32px; }}
.pocedu-q .widget-button, .pocedu-q .widget-toggle-button {{ height: auto; min-height: 38px;
  padding: 6px 16px; }}
.pocedu-q button:focus, .pocedu-q input:focus, .pocedu-q select:focus,
.pocedu-q textarea:focus {{ outline: 3px solid #000; outline-offset: 2px; }}
.pocedu-q .pocedu-prompt {{ font-weight: 600; }}
.pocedu-q .pocedu-label {{ color: {NEUTRAL}; font-size: 15px; }}
.pocedu-fb {{ border-left: 6px solid {NEUTRAL}; padding: 6px 12px; margin-top: 6px; }}
.pocedu-fb.pocedu-correct {{ border-color: {CORRECT}; }}
.pocedu-fb.pocedu-wrong {{ border-color: {WRONG}; }}
.pocedu-progress table {{ border-collapse: collapse; font-size: 17px; }}
.pocedu-progress th, .pocedu-progress td {{ border: 1px solid #999; padding: 4px 10px; }}
"""


def style_tag() -> str:
    """The ``<style>`` element that ``lesson.start`` (and the quiz runtime) show once."""
    return f"<style>{CSS}</style>"
