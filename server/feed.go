package server

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
)

// feedEntries is the number of meetings in a feed.
const feedEntries = 30

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string     `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Author  atomPerson `xml:"author"`
	Summary string     `xml:"summary,omitempty"`
}

type feedQuery struct {
	Q string `form:"q"`
	filterParams
}

// baseURL is the scheme and host links in feeds are made with.
func baseURL(c *gin.Context) string {
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}

func (s *Server) getFeed(c *gin.Context) error {
	var p feedQuery
	if err := bindQuery(c, &p, []string{"q"}, filterNames); err != nil {
		return err
	}
	in := searchInput{q: p.Q, level: index.LevelMeeting, filters: p.filters(), page: page{sort: "-date", page: 1, size: feedEntries}}
	res, err := s.find(c.Request.Context(), in)
	if err != nil {
		return err
	}
	base := baseURL(c)
	if s.opts.BaseURL != "" {
		base = s.opts.BaseURL
	}
	self := base + c.Request.URL.RequestURI()
	title := "Jiyao: newest meetings"
	if p.Q != "" {
		title = "Jiyao: " + p.Q
	}
	f := atomFeed{
		Title: title, ID: self, Updated: "1970-01-01T00:00:00Z",
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}},
		Author: atomPerson{Name: "Jiyao"}, Gen: "Jiyao",
	}
	for _, h := range res.Hits {
		updated := "1970-01-01T00:00:00Z"
		if t, err := time.Parse(time.DateOnly, h.Date); err == nil {
			updated = t.Format(time.RFC3339)
		}
		if updated > f.Updated {
			f.Updated = updated
		}
		author := h.Issuer
		if author == "" {
			author = "unknown"
		}
		summary := h.Date
		if h.DocNumber != "" {
			summary += " " + h.DocNumber
		}
		f.Entries = append(f.Entries, atomEntry{
			Title: h.MeetingTitle, ID: "urn:jiyao:meeting:" + h.MeetingID, Updated: updated,
			// A feed reader opens the first alternate: the meeting's
			// page; tools take the JSON.
			Links: []atomLink{
				{Rel: "alternate", Type: "text/html", Href: base + "/meetings/" + url.PathEscape(h.MeetingID)},
				{Rel: "alternate", Type: "application/json", Href: base + APIPrefix + "/meetings/" + url.PathEscape(h.MeetingID)},
				{Rel: "related", Href: base + APIPrefix + "/meetings/" + url.PathEscape(h.MeetingID) + "/source"},
			},
			Author: atomPerson{Name: author}, Summary: summary,
		})
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	c.Data(http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), out...))
	return nil
}
