package main

import (
	"time"

	"golang.org/x/time/rate"

	"github.com/sitrep/sitrep/fetch"
)

// fetchFlags configure the HTTP client of the commands that fetch.
type fetchFlags struct {
	Timeout       time.Duration `help:"Time allowed for one request, body included." default:"30s"`
	MaxBody       int64         `help:"Largest page or file accepted, in bytes after decompression." default:"10485760"`
	Rate          float64       `help:"Requests per second to one host." default:"1"`
	UserAgent     string        `help:"User-Agent header; also matched against robots.txt." default:"${user_agent}"`
	IgnoreRobots  bool          `help:"Do not obey robots.txt."`
	AllowLoopback bool          `help:"Allow fetching from 127.0.0.1 (for testing against local servers only)." hidden:""`
}

func (f fetchFlags) client(e *env) *fetch.Client {
	return fetch.New(fetch.Options{
		UserAgent: f.UserAgent, Timeout: f.Timeout, MaxBody: f.MaxBody,
		PerHost: rate.Limit(f.Rate), IgnoreRobots: f.IgnoreRobots,
		AllowLoopback: f.AllowLoopback, Logger: e.log,
	})
}
