"""A municipality's colours as CSS custom properties (Material's "custom" palette)."""
from __future__ import annotations


def css(colours: dict) -> str:
    primary = colours["primary"]
    accent = colours.get("accent", primary)
    return (":root, [data-md-color-primary=custom], [data-md-color-accent=custom] {\n"
            f"  --md-primary-fg-color: {primary};\n"
            f"  --md-primary-fg-color--light: {primary};\n"
            f"  --md-primary-fg-color--dark: {primary};\n"
            "  --md-primary-bg-color: #ffffff;\n"
            f"  --md-accent-fg-color: {accent};\n"
            f"  --md-typeset-a-color: {primary};\n"
            "}\n")
