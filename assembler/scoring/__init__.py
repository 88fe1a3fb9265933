"""Pure scoring (MCUA of 4.7, ranking of 2.1): arithmetic below the models, so a model's checks can use it.

These modules import no model: they read their inputs through small Protocols, so the models
(above) and the analysis stage (above the models) both call them without an import cycle.
"""
