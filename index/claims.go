package index

import (
	"context"
	"sync"
)

// claims lets writes run concurrently when they touch different meetings.
// A write claims the meeting ids and source names it reads and changes and
// waits while another write holds any of them: two batches that both held
// a meeting could each find the index without the other's version of it,
// and both versions would stay.
type claims struct {
	mu      sync.Mutex
	held    map[string]bool
	changed chan struct{} // closed and replaced whenever claims are released
}

func idClaim(id string) string      { return "id\x00" + id }
func sourceClaim(src string) string { return "src\x00" + src }

// acquire claims keys, waiting until none is held by another write.
func (c *claims) acquire(ctx context.Context, keys []string) (*claim, error) {
	cl := &claim{c: c}
	if err := c.whenFree(ctx, keys, func() { cl.addLocked(keys) }); err != nil {
		return nil, err
	}
	return cl, nil
}

// waitFree returns once none of keys is held, or ctx is done.
func (c *claims) waitFree(ctx context.Context, keys []string) error {
	return c.whenFree(ctx, keys, nil)
}

// whenFree waits until none of keys is held, then runs then, if not nil,
// under the lock.
func (c *claims) whenFree(ctx context.Context, keys []string, then func()) error {
	for {
		c.mu.Lock()
		if c.held == nil {
			c.held, c.changed = map[string]bool{}, make(chan struct{})
		}
		if c.freeLocked(keys) {
			if then != nil {
				then()
			}
			c.mu.Unlock()
			return nil
		}
		ch := c.changed
		c.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (c *claims) freeLocked(keys []string) bool {
	for _, k := range keys {
		if c.held[k] {
			return false
		}
	}
	return true
}

// claim is what one write holds.
type claim struct {
	c    *claims
	keys map[string]bool
}

func (cl *claim) addLocked(keys []string) {
	if cl.keys == nil {
		cl.keys = map[string]bool{}
	}
	for _, k := range keys {
		cl.c.held[k] = true
		cl.keys[k] = true
	}
}

// extend claims more keys if none is held by another write, and reports
// whether it did.
func (cl *claim) extend(keys []string) bool {
	cl.c.mu.Lock()
	defer cl.c.mu.Unlock()
	var more []string
	for _, k := range keys {
		if cl.keys[k] {
			continue
		}
		if cl.c.held[k] {
			return false
		}
		more = append(more, k)
	}
	cl.addLocked(more)
	return true
}

// release gives every key back; a claim can be released once.
func (cl *claim) release() {
	c := cl.c
	c.mu.Lock()
	for k := range cl.keys {
		delete(c.held, k)
	}
	cl.keys = nil
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
}
