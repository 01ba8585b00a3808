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
	Unread      []unread // text of a published disclosure that no rule read
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

// cache holds the latest results in memory: at most size entries whose
// uploads add up to at most bytes, each for ttl. The oldest entry leaves
// first when it is full. Nothing goes to disk, so a restart forgets every
// result; the user uploads again.
type cache struct {
	mu    sync.Mutex
	size  int
	bytes int64 // budget of the uploads' sizes, a measure of what a result holds
	held  int64
	ttl   time.Duration
	now   func() time.Time
	items map[string]*result
	order []string // insertion order, oldest first
}

func newCache(size int, bytes int64, ttl time.Duration, now func() time.Time) *cache {
	return &cache{size: size, bytes: bytes, ttl: ttl, now: now, items: map[string]*result{}}
}

func (c *cache) put(r *result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	for len(c.order) > 0 && (len(c.order) >= c.size || c.held+int64(r.Size) > c.bytes) {
		c.drop()
	}
	c.items[r.ID] = r
	c.order = append(c.order, r.ID)
	c.held += int64(r.Size)
}

// drop removes the oldest entry; c.mu is held.
func (c *cache) drop() {
	if r := c.items[c.order[0]]; r != nil {
		c.held -= int64(r.Size)
		delete(c.items, c.order[0])
	}
	c.order = c.order[1:]
}

func (c *cache) get(id string) *result {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	return c.items[id]
}

func (c *cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	return len(c.items)
}

// expire drops the entries older than ttl; c.mu is held.
func (c *cache) expire() {
	now := c.now()
	for len(c.order) > 0 {
		if r := c.items[c.order[0]]; r != nil && now.Sub(r.Created) < c.ttl {
			return
		}
		c.drop()
	}
}
