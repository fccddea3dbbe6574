"""pocedu: learning and assessment for Protection of Civilians (POC) courses in UN peacekeeping.

Lesson notebooks call ``pocedu.ask(...)`` and the figure functions; heavy libraries
(ipywidgets, plotly, pandas, pydantic) are imported only when first used.
"""

from __future__ import annotations

__version__ = "0.1.0"
