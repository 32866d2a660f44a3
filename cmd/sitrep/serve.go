package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/sitrep/sitrep/api"
	"github.com/sitrep/sitrep/store"
	"github.com/sitrep/sitrep/store/sqlite"
	"github.com/sitrep/sitrep/web"
)

type serveCmd struct {
	Addr string `help:"Address to listen on. The default is reachable from this machine only." default:"127.0.0.1:8080"`
}

func (c *serveCmd) Run(e *env) error {
	// Serving a database that does not exist would create an empty one and
	// answer every query with nothing: almost always a mistyped --db.
	if _, err := os.Stat(e.db); err != nil {
		return fmt.Errorf("database %s: %w (ingest articles first, or give --db)", e.db, err)
	}
	db, err := sqlite.Open(e.ctx, e.db)
	if err != nil {
		return err
	}
	defer db.Close()
	return serve(e, db, c.Addr)
}

// serve runs the API and the pages until the context ends, then lets
// requests in flight finish.
func serve(e *env, st store.Store, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	h := api.New(st, e.log)
	h.Handle("/", web.New(st, e.log))
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          nil,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "sitrep: serving %s at http://%s/ (API: http://%s/api/articles)\n", e.db, ln.Addr(), ln.Addr())
	select {
	case err := <-done:
		return err
	case <-e.ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
