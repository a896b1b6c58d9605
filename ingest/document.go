package ingest

// Document is a decoded input file: its text and whatever metadata the
// container carried, before any structure is parsed.
type Document struct {
	// Format is the detected file format: text, markdown, html, docx, pdf,
	// json, doc.
	Format string
	// Encoding is the detected character encoding of text formats.
	Encoding string
	// Title, Published (YYYY-MM-DD) and URL come from the container where it
	// has them (HTML <title> and meta tags, JSON fields); empty otherwise.
	Title     string
	Published string
	URL       string
	// Text is the body text in UTF-8, paragraphs separated by newlines, in
	// the document's own characters. Structured sources (JSON transcripts)
	// are rendered as minutes-like text: headings and 出席/列席 lines. It is
	// empty only for a record of a feed that has nothing to read, kept so
	// that the records after it keep their numbers.
	Text string
}
