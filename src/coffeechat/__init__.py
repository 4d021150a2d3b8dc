"""coffeechat: a keyboard-driven terminal app for informational interviews."""

__version__ = "0.1.0"
