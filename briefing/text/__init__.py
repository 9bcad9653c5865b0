"""Vietnamese text primitives: normalisation, sentences, quantities, places."""
