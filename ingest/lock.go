package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// StoriesLock is the exclusive right of one process to file stories into
// a database. Each process keeps its own story index in memory, restored
// at startup: two processes filing into one database would each decide
// without seeing the other's decisions, and split stories between them.
type StoriesLock struct {
	f *os.File
}

// ErrStoriesLocked is wrapped by LockStories when another process holds
// the lock.
var ErrStoriesLocked = errors.New("locked")

// LockStories takes the lock for the database at db, held through the file
// db+".stories.lock" (created if missing, left in place after Release) with
// an advisory lock of the operating system, which it drops when the
// process ends, however it ends. It does not wait: when another process
// (or another LockStories in this one) holds it, the error says so and
// wraps ErrStoriesLocked.
func LockStories(db string) (*StoriesLock, error) {
	// One lock file whatever the spelling of the path ("x.db", "./x.db").
	abs, err := filepath.Abs(db)
	if err != nil {
		return nil, fmt.Errorf("lock stories %s: %w", db, err)
	}
	path := abs + ".stories.lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock stories: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, ErrStoriesLocked) {
			return nil, fmt.Errorf("another sitrep process is filing stories in %s (lock %s): %w", db, path, err)
		}
		return nil, fmt.Errorf("lock stories %s: %w", path, err)
	}
	return &StoriesLock{f: f}, nil
}

// Release drops the lock. Releasing twice, or a nil lock, does nothing.
func (l *StoriesLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	// Closing the file drops the lock.
	if err := f.Close(); err != nil {
		return fmt.Errorf("release stories lock: %w", err)
	}
	return nil
}
