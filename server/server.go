package server

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"gongkai/fonts"
	"gongkai/fonts/wqymicrohei"
)

//go:embed web
var webFS embed.FS

// Options configure a Server. The zero value gives the defaults below.
type Options struct {
	MaxUpload         int64         // largest accepted file, bytes (20 MB)
	MaxConversions    int           // loads and exports running at once (2 × CPUs, at least 4)
	QueueWait         time.Duration // how long a request waits for a free slot before 503 (10 s)
	ConversionTimeout time.Duration // one load or export (60 s)
	CacheSize         int           // results held for downloads (64)
	CacheBytes        int64         // the uploads of the held results add up to at most this (256 MB)
	CacheTTL          time.Duration // how long a result is held (1 h)
	// Font draws the PDF; nil uses the embedded WenQuanYi Micro Hei.
	Font *fonts.Font
	// Catalog adds function codes and names (a region's 项 catalog, as
	// ledger.ReadCatalog reads it) to every upload: the names of a
	// ledger's tables and the codes the checks know (check.Options).
	Catalog map[string]string
	// Now returns the time (tests set it); nil uses time.Now.
	Now func() time.Time
}

// Defaults.
const (
	DefaultMaxUpload         = 20 << 20
	DefaultQueueWait         = 10 * time.Second
	DefaultConversionTimeout = 60 * time.Second
	DefaultCacheSize         = 64
	DefaultCacheBytes        = 256 << 20
	DefaultCacheTTL          = time.Hour
	// PendingTTL is how long a ledger upload waits for the form that
	// gives its department details (at most CacheTTL).
	PendingTTL = 30 * time.Minute
)

func (o Options) withDefaults() Options {
	if o.MaxUpload <= 0 {
		o.MaxUpload = DefaultMaxUpload
	}
	if o.MaxConversions <= 0 {
		o.MaxConversions = max(4, 2*runtime.NumCPU())
	}
	if o.QueueWait < 0 {
		o.QueueWait = 0
	} else if o.QueueWait == 0 {
		o.QueueWait = DefaultQueueWait
	}
	if o.ConversionTimeout <= 0 {
		o.ConversionTimeout = DefaultConversionTimeout
	}
	if o.CacheSize <= 0 {
		o.CacheSize = DefaultCacheSize
	}
	if o.CacheBytes <= 0 {
		o.CacheBytes = DefaultCacheBytes
	}
	if o.CacheTTL <= 0 {
		o.CacheTTL = DefaultCacheTTL
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Server is the web page and API; it is an http.Handler.
type Server struct {
	o     Options
	mux   *http.ServeMux
	pages map[string]*template.Template
	css   []byte
	sem   chan struct{}
	cache *cache[*result]
	// pending holds ledger uploads waiting for their department details
	// (the form asks for them): at most CacheSize, a quarter of CacheBytes,
	// each at most PendingTTL.
	pending *cache[*pending]

	fontOnce sync.Once
	font     *fonts.Font
	fontErr  error
}

// New returns a Server with o's settings.
func New(o Options) *Server {
	o = o.withDefaults()
	s := &Server{
		o:       o,
		mux:     http.NewServeMux(),
		sem:     make(chan struct{}, o.MaxConversions),
		cache:   newCache[*result](o.CacheSize, o.CacheBytes, o.CacheTTL, o.Now),
		pending: newCache[*pending](o.CacheSize, o.CacheBytes/4, min(o.CacheTTL, PendingTTL), o.Now),
		font:    o.Font,
	}
	s.pages = map[string]*template.Template{}
	for _, name := range []string{"index.html", "result.html", "tables.html", "error.html", "ledger.html"} {
		s.pages[name] = template.Must(template.New("base.html").Funcs(funcs).ParseFS(webFS, "web/base.html", "web/ledgerfields.html", "web/"+name))
	}
	css, err := fs.ReadFile(webFS, "web/style.css")
	if err != nil {
		panic("server: embedded stylesheet missing: " + err.Error()) // embedded at build time
	}
	s.css = append(css, []byte(sheetCSS)...)
	s.routes()
	return s
}

func (s *Server) routes() {
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	s.mux.HandleFunc("POST /upload", s.handleUpload)
	s.mux.HandleFunc("GET /r/{id}", s.handleResult)
	s.mux.HandleFunc("GET /r/{id}/tables", s.handleTables)
	s.mux.HandleFunc("GET /r/{id}/tables/{table}", s.handleTables)
	s.mux.HandleFunc("GET /r/{id}/download/{format}", s.handleDownload)
	s.mux.HandleFunc("POST /api/validate", s.handleAPIValidate)
	s.mux.HandleFunc("POST /api/export", s.handleAPIExport)
	s.mux.HandleFunc("GET /static/style.css", s.handleCSS)
	s.mux.HandleFunc("GET /example.json", s.handleExample)
	s.mux.HandleFunc("GET /template.xlsx", s.handleTemplate)
	s.mux.HandleFunc("GET /api/template", s.handleTemplate)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	s.mux.HandleFunc("/", s.handleNotFound)
}

// ServeHTTP sets the security headers on every response and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	defer func() {
		// A panic in an importer or exporter must not take the server
		// down nor show a stack trace: the user gets a Chinese message.
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.fail(w, r, http.StatusInternalServerError, "内部错误：处理这个文件时程序出错，请把文件交给维护人员")
		}
	}()
	s.mux.ServeHTTP(w, r)
}

func (s *Server) pdfFont() (*fonts.Font, error) {
	s.fontOnce.Do(func() {
		if s.font == nil {
			s.font, s.fontErr = wqymicrohei.Font()
		}
	})
	return s.font, s.fontErr
}

// errBusy: no conversion slot became free within QueueWait.
var errBusy = errors.New("server: busy")

// errTimeout: a conversion ran past ConversionTimeout.
var errTimeout = errors.New("server: conversion timed out")

// convert runs f in a conversion slot, at most ConversionTimeout long. When
// the time runs out the request is answered at once; f keeps its slot until
// it returns, so the limit on conversions running at once holds.
func (s *Server) convert(ctx context.Context, f func() error) error {
	select {
	case s.sem <- struct{}{}:
	default:
		wait := time.NewTimer(s.o.QueueWait)
		defer wait.Stop()
		select {
		case s.sem <- struct{}{}:
		case <-wait.C:
			return errBusy
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	done := make(chan error, 1)
	go func() {
		defer func() { <-s.sem }()
		defer func() {
			if v := recover(); v != nil {
				done <- errPanic
			}
		}()
		done <- f()
	}()
	limit := time.NewTimer(s.o.ConversionTimeout)
	defer limit.Stop()
	select {
	case err := <-done:
		return err
	case <-limit.C:
		return errTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}

var errPanic = errors.New("server: internal error in a conversion")

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ListenAndServe serves h on addr until ctx ends, then shuts down: it stops
// accepting connections and waits up to grace for running requests to
// finish. ready, when not nil, is called with the bound address (useful
// with port 0) before serving.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, grace time.Duration, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(ln.Addr())
	}
	return Serve(ctx, ln, h, grace)
}

// Serve is ListenAndServe on an open listener.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a 20 MB upload on a slow office line
		WriteTimeout:      3 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

func retryAfter(w http.ResponseWriter) {
	w.Header().Set("Retry-After", strconv.Itoa(5))
}
