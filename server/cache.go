package server

import (
	"sync"
	"time"

	"gongkai/layout"
	"gongkai/model"
	"gongkai/profiles"
)

// result is one loaded and checked upload, held for its downloads.
type result struct {
	ID          string
	Name        string // the download base name, cleaned (never a path)
	FileName    string // the uploaded file's name as shown to the user
	Kind        string
	Size        int
	Outputs     map[string]bool // the outputs the user chose
	Profile     *profiles.Profile
	ProfileName string
	Disc        *model.Disclosure
	Findings    []model.Finding
	Unread      []unread      // text of a published disclosure that no rule read
	Ledger      *ledgerReport // a ledger's build report
	Doc         layout.Document
	DocErr      string // why the tables could not be laid out, if so
	Created     time.Time
}

// unread is one line of a published disclosure holding a number that no
// rule read, with its page when the input was a PDF.
type unread struct {
	Line int    `json:"line"`
	Page int    `json:"page,omitempty"`
	Text string `json:"text"`
}

// pending is an upload of a ledger that lacks department details, held
// while the user fills in the form that asks for them (so the file need
// not be chosen again), with what the first form chose.
type pending struct {
	ID      string
	Up      *upload
	Profile string
	Outputs []string
	Created time.Time
}

// entry is what a cache holds: a result, or a pending upload.
type entry interface {
	key() string
	bytes() int64 // a measure of what it holds: the size of its uploads
	created() time.Time
}

func (r *result) key() string        { return r.ID }
func (r *result) bytes() int64       { return int64(r.Size) }
func (r *result) created() time.Time { return r.Created }

func (p *pending) key() string        { return p.ID }
func (p *pending) bytes() int64       { return p.Up.size() }
func (p *pending) created() time.Time { return p.Created }

// cache holds the latest entries in memory: at most size entries whose
// uploads add up to at most bytes, each for ttl. The oldest entry leaves
// first when it is full. Nothing goes to disk, so a restart forgets every
// entry; the user uploads again.
type cache[T entry] struct {
	mu    sync.Mutex
	size  int
	bytes int64 // budget of the uploads' sizes, a measure of what an entry holds
	held  int64
	ttl   time.Duration
	now   func() time.Time
	items map[string]T
	order []string // insertion order, oldest first
}

func newCache[T entry](size int, bytes int64, ttl time.Duration, now func() time.Time) *cache[T] {
	return &cache[T]{size: size, bytes: bytes, ttl: ttl, now: now, items: map[string]T{}}
}

func (c *cache[T]) put(r T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	for len(c.order) > 0 && (len(c.order) >= c.size || c.held+r.bytes() > c.bytes) {
		c.drop()
	}
	c.items[r.key()] = r
	c.order = append(c.order, r.key())
	c.held += r.bytes()
}

// drop removes the oldest entry; c.mu is held.
func (c *cache[T]) drop() {
	if r, ok := c.items[c.order[0]]; ok {
		c.held -= r.bytes()
		delete(c.items, c.order[0])
	}
	c.order = c.order[1:]
}

// get returns the entry id, or the zero T (nil) when it is not held.
func (c *cache[T]) get(id string) T {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	return c.items[id]
}

// remove forgets the entry id (its place in the order goes when it would
// leave).
func (c *cache[T]) remove(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.items[id]; ok {
		c.held -= r.bytes()
		delete(c.items, id)
	}
}

func (c *cache[T]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	return len(c.items)
}

// expire drops the entries older than ttl; c.mu is held.
func (c *cache[T]) expire() {
	now := c.now()
	for len(c.order) > 0 {
		if r, ok := c.items[c.order[0]]; ok && now.Sub(r.created()) < c.ttl {
			return
		}
		c.drop()
	}
}
