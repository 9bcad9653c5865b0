"""The pack and other outputs as HTML, PDF, Markdown, JSON and terminal tables."""

# The kinds of PDF a pack can be (WeasyPrint's variants): by default archival and tagged at once
# (PDF/A-3a: structure tree, reading order, table headers, alternative text, output intent, XMP
# metadata), else archival only, accessible only, or plain.
PDF_VARIANTS = ("pdf/a-3a", "pdf/a-2a", "pdf/ua-1", "pdf/a-3b", "plain")
DEFAULT_PDF_VARIANT = PDF_VARIANTS[0]
