package http

import (
	"crypto/subtle"
	"errors"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/egret-events/egret"
)

// Request guards: which methods a path answers, which Host names are
// served, which origins may write, the token, and the media types of
// writes. They run before a handler reads anything.

// httpError is an error whose status only HTTP has (405, 408, 415); the
// error codes of egret.Error cover the rest.
type httpError struct {
	status int
	code   string
	msg    string
	allow  string // Allow header of a 405
}

func (e *httpError) Error() string { return e.msg }

// methods maps the methods a path answers to their handlers; a GET
// handler answers HEAD too, and anyMethod every method.
type methods map[string]handlerFunc

const anyMethod = "*"

func (m methods) allow() string {
	var ms []string
	for k := range m {
		ms = append(ms, k)
		if k == http.MethodGet {
			ms = append(ms, http.MethodHead)
		}
	}
	slices.Sort(ms)
	return strings.Join(ms, ", ")
}

// handle serves path with one handler per method; other methods get 405
// with Allow. name labels the route in logs and metrics.
func (s *Server) handle(name, path string, ms methods) {
	allow := ms.allow()
	s.mux.Handle(path, s.instrument(name, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method := r.Method
		if method == http.MethodHead && ms[http.MethodHead] == nil {
			method = http.MethodGet
		}
		h := ms[method]
		if h == nil {
			h = ms[anyMethod]
		}
		if h == nil {
			h = func(http.ResponseWriter, *http.Request) error {
				return &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed", allow: allow,
					msg: r.Method + " " + r.URL.Path + ": method not allowed (allowed: " + allow + ")"}
			}
		}
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})))
}

// hostAllowed reports whether a request's Host names this server: a
// loopback name or address, the address it listens on (any IP address when
// it listens on all of them), or a configured name. Any other name may be
// an attacker's, rebound to this machine (DNS rebinding).
func (s *Server) hostAllowed(hostport string) bool {
	if hostport == "" {
		return true // HTTP/1.0 without Host: no browser sends that
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true // browsers resolve these to loopback themselves
	}
	for _, h := range s.cfg.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	// An address literal cannot be rebound, but it must be one the server
	// listens on.
	l := s.listenIP.Load()
	return l != nil && (l.IP.IsUnspecified() || l.IP.Equal(ip))
}

// checkHost refuses requests for a Host that is not this server's.
func (s *Server) checkHost(r *http.Request) error {
	if s.hostAllowed(r.Host) {
		return nil
	}
	return egret.Errorf(egret.EFORBIDDEN, "host %q is not served here: call the server by its address or a name given with --host", r.Host)
}

// checkOrigin refuses writes from web pages of other origins, unless
// configured (AllowOrigins). Browsers send Origin on cross-origin writes
// and Sec-Fetch-Site on all of them; programs send neither.
func (s *Server) checkOrigin(r *http.Request) error {
	if o := r.Header.Get("Origin"); o != "" {
		for _, a := range s.cfg.AllowOrigins {
			if strings.EqualFold(strings.TrimSuffix(a, "/"), o) {
				return nil
			}
		}
		if u, err := url.Parse(o); err == nil && o != "null" && u.Host != "" && strings.EqualFold(u.Host, r.Host) {
			return nil // same origin
		}
		return egret.Errorf(egret.EFORBIDDEN, "origin %q may not write here: pages of other origins are refused unless allowed with --allow-origin", o)
	}
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin", "none":
		return nil
	default:
		return egret.Errorf(egret.EFORBIDDEN, "a %s request (Sec-Fetch-Site: %s) may not write here", site, site)
	}
}

// checkToken requires the bearer token when one is configured; the
// scheme is case-insensitive (RFC 9110 11.1).
func (s *Server) checkToken(r *http.Request) error {
	if s.cfg.Token == "" {
		return nil
	}
	scheme, got, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return egret.Errorf(egret.EUNAUTH, "missing bearer token: send Authorization: Bearer TOKEN")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		return egret.Errorf(egret.EUNAUTH, "wrong bearer token")
	}
	return nil
}

// jsonLines are the media types read as JSON Lines.
var jsonLines = []string{"application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines"}

// mediaType returns the media type of a write, which must be JSON or JSON
// Lines: a form or text/plain post is what a page of another origin can
// send without asking the browser first.
func mediaType(r *http.Request) (string, error) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err == nil && (ct == "application/json" || slices.Contains(jsonLines, ct)) {
		return ct, nil
	}
	return "", &httpError{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type",
		msg: "Content-Type " + strconv.Quote(r.Header.Get("Content-Type")) + ": want application/json (one document) or application/x-ndjson (JSON Lines)"}
}

// write guards a handler that writes: origin, token, then media type.
func (s *Server) write(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := s.checkOrigin(r); err != nil {
			return err
		}
		if err := s.checkToken(r); err != nil {
			return err
		}
		if _, err := mediaType(r); err != nil {
			return err
		}
		return h(w, r)
	}
}

// statusOf maps egret error codes to HTTP status codes, here and only here.
func statusOf(err error) (int, string) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, he.code
	}
	code := egret.ErrorCode(err)
	switch code {
	case egret.EINVALID:
		return http.StatusBadRequest, code
	case egret.ENOTFOUND:
		return http.StatusNotFound, code
	case egret.ECONFLICT:
		return http.StatusConflict, code
	case egret.EUNAUTH:
		return http.StatusUnauthorized, code
	case egret.EFORBIDDEN:
		return http.StatusForbidden, code
	case egret.ETOOLARGE:
		return http.StatusRequestEntityTooLarge, code
	}
	return http.StatusInternalServerError, code
}
