"""The actors' starter data: plain tables, no code (loaders live in the app's modules)."""
