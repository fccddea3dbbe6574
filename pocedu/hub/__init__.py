"""A class on a JupyterHub: the exchange, the hub configuration and bringing it up."""
