package sabnode

import (
	"context"
	"iter"
)

// Page is one page of a list. All iterates every item from this page on, fetching the next pages as needed.
type Page[T any] struct {
	Object     string  `json:"object"`
	Data       []T     `json:"data"`
	HasMore    bool    `json:"has_more"`
	NextCursor *string `json:"next_cursor"`

	fetch func(ctx context.Context, cursor string) (*Page[T], error)
}

func firstPage[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (*Page[T], error)) (*Page[T], error) {
	p, err := fetch(ctx, "")
	if err != nil {
		return nil, err
	}
	p.fetch = fetch
	return p, nil
}

// HasNext reports whether another page follows.
func (p *Page[T]) HasNext() bool { return p.HasMore && p.NextCursor != nil && *p.NextCursor != "" }

// Next fetches the following page; it returns nil, nil after the last one.
func (p *Page[T]) Next(ctx context.Context) (*Page[T], error) {
	if !p.HasNext() || p.fetch == nil {
		return nil, nil
	}
	n, err := p.fetch(ctx, *p.NextCursor)
	if err != nil {
		return nil, err
	}
	n.fetch = p.fetch
	return n, nil
}

// All yields every item from this page to the end of the list; a failed page fetch is yielded as the error
// and ends the iteration.
func (p *Page[T]) All(ctx context.Context) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page := p; page != nil; {
			for _, item := range page.Data {
				if !yield(item, nil) {
					return
				}
			}
			next, err := page.Next(ctx)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			page = next
		}
	}
}
