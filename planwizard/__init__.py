"""planwizard: lokaal uitvoeringsplan beschermd wonen / beschermd thuis."""

__version__ = "0.1.0"
