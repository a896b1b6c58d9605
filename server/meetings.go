package server

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
)

// meetingIDRE is the shape of a meeting id: 16 hex digits of the content
// digest, and the record's number in a multi-record file.
var meetingIDRE = regexp.MustCompile(`^[0-9a-f]{16}(-[1-9][0-9]{0,5})?$`)

// meetingID reads and checks the id path parameter of a request about one
// meeting, which takes no query-string parameters. Ids are only ever looked
// up in the index, never used as paths.
func meetingID(c *gin.Context, known ...[]string) (string, error) {
	if err := checkParams(c, known...); err != nil {
		return "", err
	}
	id := c.Param("id")
	if !meetingIDRE.MatchString(id) {
		return "", badParam("id", "%q is not a meeting id (16 hex digits, as in 3f9a0c12d4e5b6a7)", truncate(id, 40))
	}
	return id, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// MeetingResponse is the answer of GET /meetings/{id}.
type MeetingResponse struct {
	Meeting *ingest.Minutes `json:"meeting"`
	// TextTruncated says that meeting.text is a part of a text longer than
	// an answer carries (index.MaxTextWindow); TextWindow says which part,
	// in byte offsets of the whole text, and TextNext is the URL of the
	// next part. The items' texts are left out then: their start and end
	// locate them in the whole text.
	TextTruncated bool              `json:"text_truncated,omitempty"`
	TextWindow    *index.TextWindow `json:"text_window,omitempty"`
	TextNext      string            `json:"text_next,omitempty"`
	// Original is the URL of the original file the meeting was read from.
	Original     string `json:"original"`
	IndexVersion string `json:"index_version"`
}

func (s *Server) getMeeting(c *gin.Context) error {
	id, err := meetingID(c, []string{"text_from"})
	if err != nil {
		return err
	}
	from, err := intParam("text_from", c.Query("text_from"), 0)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	rec, err := s.idx.Get(ctx, id)
	if err != nil {
		return err
	}
	if from < 0 || from > len(rec.Text) {
		return badParam("text_from", "text_from %d is not a byte offset of the text, 0 to %d", from, len(rec.Text))
	}
	rec.Source = publicSource(rec.Source)
	resp := MeetingResponse{Meeting: rec, Original: APIPrefix + "/meetings/" + id + "/source"}
	if w, cut := index.CutText(rec, from, index.MaxTextWindow); cut {
		resp.TextTruncated, resp.TextWindow = true, &w
		if w.To < w.Total {
			resp.TextNext = fmt.Sprintf("%s/meetings/%s?text_from=%d", APIPrefix, id, w.To)
		}
	}
	if resp.IndexVersion, err = s.idx.Version(ctx); err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, resp)
	return nil
}

// contentTypes maps the extensions of supported inputs to their types,
// where the system's table may lack them.
var contentTypes = map[string]string{
	".txt":   "text/plain; charset=utf-8",
	".md":    "text/markdown; charset=utf-8",
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".json":  "application/json",
	".jsonl": "application/jsonl",
	".pdf":   "application/pdf",
	".doc":   "application/msword",
	".docx":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

// sourceContentType is the type of an original file: by extension, else
// sniffed. Text is declared UTF-8 only when it is.
func sourceContentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		if strings.HasPrefix(t, "text/") && !isUTF8(data) {
			return strings.TrimSuffix(t, "; charset=utf-8")
		}
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

func isUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }

func (s *Server) getSource(c *gin.Context) error {
	id, err := meetingID(c)
	if err != nil {
		return err
	}
	name, data, err := s.idx.Original(c.Request.Context(), id)
	if err != nil {
		return err
	}
	base := fileName(name)
	c.Header("Content-Disposition", contentDisposition(base))
	// The original is served as data, never as a page of this origin.
	c.Header("Content-Security-Policy", "sandbox")
	c.Data(http.StatusOK, sourceContentType(base, data), data)
	return nil
}

// contentDisposition names a download, with an ASCII fallback and the
// UTF-8 name (RFC 6266).
func contentDisposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`inline; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name))
}

// DeleteResponse is the answer of DELETE /meetings/{id}.
type DeleteResponse struct {
	Deleted      string `json:"deleted"`
	IndexVersion string `json:"index_version"`
}

func (s *Server) deleteMeeting(c *gin.Context) error {
	if err := s.authorize(c); err != nil {
		return err
	}
	id, err := meetingID(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	err = s.idx.Delete(ctx, id)
	if err != nil {
		return err
	}
	// Deleted: answered 200 whatever becomes of the deadline.
	v, err := s.idx.Version(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	s.log.Info("deleted meeting", "id", id, "request_id", c.GetString(ctxRequestID))
	writeJSON(c, http.StatusOK, DeleteResponse{Deleted: id, IndexVersion: v})
	return nil
}
