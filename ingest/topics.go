package ingest

// assignTopics gives each item the taxonomy classes its title and text
// speak of (a keyword in the title counts 3, in the text 1; a class needs 3)
// and the document the union of its items' classes, or, without items, the
// classes of its whole text.
func (e *Extractor) assignTopics(m *Minutes) {
	for i := range m.Items {
		it := &m.Items[i]
		it.Topics = e.classify(foldString(it.Title), foldString(it.Text))
		for _, t := range it.Topics {
			if !contains(m.Topics, t) {
				m.Topics = append(m.Topics, t)
			}
		}
	}
	if len(m.Items) == 0 {
		m.Topics = e.classify(foldString(m.Title), foldString(m.Text))
	}
}

func (e *Extractor) classify(title, text string) []string {
	out := []string{}
	scores := make([]int, len(e.topics))
	e.topicIx.count(title, 3, scores)
	e.topicIx.count(text, 1, scores)
	for c, t := range e.topics {
		if scores[c] >= 3 {
			out = append(out, t.label)
		}
	}
	return out
}
