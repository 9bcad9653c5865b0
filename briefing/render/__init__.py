"""The pack and other outputs as HTML, PDF, Markdown, JSON and terminal tables."""
