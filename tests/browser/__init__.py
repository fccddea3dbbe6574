"""Browser end-to-end suite (marker ``browser``): JupyterLab in headless Chromium."""
