"""netui: turn your personal network into software-engineering interviews."""

__version__ = "0.1.0"
