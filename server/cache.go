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
	Doc         layout.Document
	DocErr      string // why the tables could not be laid out, if so
	Created     time.Time
}

// cache holds the latest results in memory: at most size entries, each for
// ttl. The oldest entry leaves first when it is full. Nothing goes to disk,
// so a restart forgets every result; the user uploads again.
type cache struct {
	mu    sync.Mutex
	size  int
	ttl   time.Duration
	now   func() time.Time
	items map[string]*result
	order []string // insertion order, oldest first
}

func newCache(size int, ttl time.Duration, now func() time.Time) *cache {
	return &cache{size: size, ttl: ttl, now: now, items: map[string]*result{}}
}

func (c *cache) put(r *result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire()
	for len(c.order) >= c.size {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
	c.items[r.ID] = r
	c.order = append(c.order, r.ID)
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
	n := 0
	for _, id := range c.order {
		if r := c.items[id]; r != nil && now.Sub(r.Created) >= c.ttl {
			delete(c.items, id)
			n++
			continue
		}
		break
	}
	c.order = c.order[n:]
}
