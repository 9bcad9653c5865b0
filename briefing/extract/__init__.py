"""Meeting facts: metadata, themes and mottos, figures with their indicators."""
