package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"syscall"

	"github.com/jiyao-search/jiyao/index"
	"github.com/jiyao-search/jiyao/ingest"
)

// apiError is an error the API reports to the client as it is: the status,
// a machine-readable code, a message for people and the parameter at fault.
type apiError struct {
	Status  int
	Code    string
	Message string
	Param   string
}

func (e *apiError) Error() string {
	if e.Param != "" {
		return fmt.Sprintf("%s (%s): %s", e.Code, e.Param, e.Message)
	}
	return e.Code + ": " + e.Message
}

// errBody is the one error shape of the API:
// {"error": {"code": "invalid_date", "message": "…", "param": "from"}}.
type errBody struct {
	Error errDetail `json:"error"`
}

type errDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

// badParam is a 400 about one request parameter.
func badParam(param, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: paramCode(param), Message: fmt.Sprintf(format, args...), Param: param}
}

// badBody is a 400 about a JSON request body as a whole.
func badBody(format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "invalid_body", Message: fmt.Sprintf(format, args...), Param: "body"}
}

// paramCodes names the codes of errors about some parameters; others are
// invalid_parameter.
var paramCodes = map[string]string{
	"q":      "invalid_query",
	"from":   "invalid_date",
	"to":     "invalid_date",
	"size":   "invalid_size",
	"page":   "invalid_page",
	"cursor": "invalid_cursor",
	"after":  "invalid_cursor",
	"sort":   "invalid_sort",
	"level":  "invalid_level",
	"id":     "invalid_id",
	"format": "invalid_format",
}

func paramCode(param string) string {
	if c, ok := paramCodes[param]; ok {
		return c
	}
	return "invalid_parameter"
}

// statusClientClosed is the status logged and counted for a request whose
// client went away before its answer (nginx's 499): the client's doing,
// not a failure of the server, so neither an ERROR nor a 5xx.
const statusClientClosed = 499

// clientGone reports whether err says the client went away: its request
// was canceled (the connection closed, or half-closed, before the answer),
// or writing the answer found the connection closed or reset.
func clientGone(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET)
}

// Errors with a fixed meaning.
var (
	errUnauthorized = &apiError{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "this request needs the header Authorization: Bearer <token>"}
	errBadToken     = &apiError{Status: http.StatusUnauthorized, Code: "invalid_token", Message: "the bearer token is not valid"}
	errWritesOff    = &apiError{Status: http.StatusForbidden, Code: "writes_disabled", Message: "writes are disabled: the server has no token configured (set JIYAO_TOKEN)"}
	errNotReady     = &apiError{Status: http.StatusServiceUnavailable, Code: "not_ready", Message: "the index is not open"}
	errTimeout      = &apiError{Status: http.StatusServiceUnavailable, Code: "timeout", Message: "the request took longer than the server allows"}
	errRateLimited  = &apiError{Status: http.StatusTooManyRequests, Code: "rate_limited", Message: "too many requests from this address; retry later"}
	errBusy         = &apiError{Status: http.StatusServiceUnavailable, Code: "busy", Message: "the server is serving as many requests as it can; retry in a second"}
	errInternal     = &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
	errNoRoute      = &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no such endpoint; see /api/v1/openapi.json"}
	errClientGone   = &apiError{Status: statusClientClosed, Code: "client_closed_request", Message: "the client closed the connection before the answer"}
	errBadPath      = &apiError{Status: http.StatusBadRequest, Code: "invalid_path", Param: "path",
		Message: "the path is not valid UTF-8 or holds control characters or . or .. segments"}
	errNotJSON = &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type", Param: "Content-Type",
		Message: "this endpoint takes a JSON body: send the header Content-Type: application/json"}
)

// toAPIError maps any error a handler returns to what the client sees. It
// is the one table from errors to statuses and codes.
func toAPIError(err error) *apiError {
	var ae *apiError
	var qe *index.QueryError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &qe):
		return badParam(apiParam(qe.Param), "%s", qe.Msg)
	case errors.Is(err, index.ErrBadQuery):
		return badParam("q", "%v", err)
	case errors.Is(err, index.ErrNotFound):
		return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no meeting with this id"}
	case errors.As(err, &mbe):
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: fmt.Sprintf("the request body is larger than %d bytes", mbe.Limit)}
	case errors.Is(err, ingest.ErrUnsupported):
		return &apiError{Status: http.StatusUnsupportedMediaType, Code: "unsupported_format", Message: err.Error()}
	case errors.Is(err, index.ErrReadOnly):
		return &apiError{Status: http.StatusForbidden, Code: "writes_disabled", Message: "the index is open read-only"}
	case errors.Is(err, context.DeadlineExceeded):
		return errTimeout
	case clientGone(err):
		return errClientGone
	}
	return errInternal
}

// apiParam maps the index's parameter names to the API's.
func apiParam(p string) string {
	switch p {
	case "after":
		return "cursor"
	case "from/to":
		return "from"
	}
	return p
}
