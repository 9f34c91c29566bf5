package sabnode

import (
	"context"
	"time"
)

// WaitForBulkJob polls a bulk job (BulkJobs.Retrieve) every interval until it is completed, and returns it;
// its per-item results are then listed by BulkJobs.ListResults.
func (c *Client) WaitForBulkJob(ctx context.Context, bulkJobID string, interval time.Duration) (*BulkJob, error) {
	if interval <= 0 {
		interval = time.Second
	}
	for {
		job, err := c.BulkJobs.Retrieve(ctx, bulkJobID)
		if err != nil {
			return nil, err
		}
		if job.Status == "completed" {
			return job, nil
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, &ConnectionError{Err: ctx.Err()}
		case <-t.C:
		}
	}
}
