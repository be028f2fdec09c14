"""One module per benefit program; each exposes ``evaluate(household, params) -> ProgramResult``."""
