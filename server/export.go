package server

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
)

// exportPageTime is how long the writing of one page of an export may
// take; the write deadline moves on with every page, so an export of any
// length finishes while a stalled client is cut off.
const exportPageTime = 30 * time.Second

// exportQuery is GET /export's query string.
type exportQuery struct {
	Format string `form:"format"`
	Q      string `form:"q"`
	Level  string `form:"level"`
	Sort   string `form:"sort"`
	filterParams
}

// ExportRow is one line of a JSON Lines export (and the columns of a CSV
// export, in this order).
type ExportRow struct {
	ID           string  `json:"id"`
	Level        string  `json:"level"`
	MeetingID    string  `json:"meeting_id"`
	ItemNo       int     `json:"item_no,omitempty"`
	Date         string  `json:"date,omitempty"`
	Issuer       string  `json:"issuer,omitempty"`
	Session      int     `json:"session,omitempty"`
	DocNumber    string  `json:"doc_number,omitempty"`
	Title        string  `json:"title"`
	MeetingTitle string  `json:"meeting_title"`
	Verb         string  `json:"verb,omitempty"`
	Object       string  `json:"object,omitempty"`
	Lead         string  `json:"lead,omitempty"`
	Score        float64 `json:"score"`
	IndexVersion string  `json:"index_version"`
}

var exportColumns = []string{"id", "level", "meeting_id", "item_no", "date", "issuer", "session", "doc_number",
	"title", "meeting_title", "verb", "object", "lead", "score", "index_version"}

func (r ExportRow) csv() []string {
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return []string{r.ID, r.Level, r.MeetingID, num(r.ItemNo), r.Date, r.Issuer, num(r.Session), r.DocNumber,
		r.Title, r.MeetingTitle, r.Verb, r.Object, r.Lead, strconv.FormatFloat(r.Score, 'g', 6, 64), r.IndexVersion}
}

func (s *Server) getExport(c *gin.Context) error {
	var p exportQuery
	if err := bindQuery(c, &p, []string{"format", "q", "level", "sort"}, filterNames); err != nil {
		return err
	}
	if p.Format == "" {
		p.Format = "csv"
	}
	if p.Format != "csv" && p.Format != "jsonl" {
		return badParam("format", "format %q is not csv or jsonl", p.Format)
	}
	in := searchInput{q: p.Q, level: p.Level, filters: p.filters(), page: page{sort: p.Sort, page: 1, size: index.MaxSize}}
	req, err := in.request()
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetWriteDeadline(time.Now().Add(exportPageTime))
	// The first page is fetched before anything is written, so that a bad
	// query is still answered with a status and the error shape.
	first, err := s.idx.Search(ctx, req)
	if err != nil {
		return err
	}
	version, err := s.idx.Version(ctx)
	if err != nil {
		return err
	}
	c.Header("X-Index-Version", version)
	c.Header("X-Total-Count", strconv.FormatUint(first.Total, 10))
	var (
		write func(ExportRow) error
		flush func() error
	)
	switch p.Format {
	case "csv":
		c.Header("Content-Type", "text/csv; charset=utf-8")
		c.Header("Content-Disposition", `attachment; filename="jiyao-export.csv"`)
		c.Status(http.StatusOK)
		// A byte order mark, so that Excel reads the file as UTF-8
		// rather than in the system's code page.
		if _, err := io.WriteString(c.Writer, "\ufeff"); err != nil {
			return err
		}
		w := csv.NewWriter(c.Writer)
		if err := w.Write(exportColumns); err != nil {
			return err
		}
		write = func(r ExportRow) error { return w.Write(r.csv()) }
		flush = func() error { w.Flush(); return w.Error() }
	case "jsonl":
		c.Header("Content-Type", "application/jsonl; charset=utf-8")
		c.Header("Content-Disposition", `attachment; filename="jiyao-export.jsonl"`)
		c.Status(http.StatusOK)
		enc := json.NewEncoder(c.Writer)
		enc.SetEscapeHTML(false)
		write = func(r ExportRow) error { return enc.Encode(r) }
		flush = func() error { return nil }
	}
	res := first
	rows := 0
	for {
		for _, h := range res.Hits {
			r := ExportRow{ID: h.ID, Level: h.Level, MeetingID: h.MeetingID, ItemNo: h.ItemNo, Date: h.Date, Issuer: h.Issuer,
				Session: h.Session, DocNumber: h.DocNumber, Title: h.Title, MeetingTitle: h.MeetingTitle, Score: h.Score,
				IndexVersion: version}
			if d := h.Decision; d != nil {
				r.Verb, r.Object, r.Lead = d.Verb, d.Object, d.Lead
			}
			if err := write(r); err != nil {
				return err
			}
			rows++
		}
		if err := flush(); err != nil {
			return err
		}
		_ = rc.Flush()
		if res.Next == "" {
			break
		}
		_ = rc.SetWriteDeadline(time.Now().Add(exportPageTime))
		req.After, req.From = res.Next, 0
		if res, err = s.idx.Search(ctx, req); err != nil {
			return err
		}
	}
	s.log.Debug("export", "request_id", c.GetString(ctxRequestID), "rows", rows, "format", p.Format)
	return nil
}
