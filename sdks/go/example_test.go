package sabnode_test

// The README's snippets, compiled with the package (examples without an Output comment are built, not run).

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	sabnode "github.com/sabnode/sabnode-go"
)

func Example() {
	ctx := context.Background()
	client := sabnode.NewClient(os.Getenv("SABNODE_API_KEY"))

	contact, err := client.Contacts.Create(ctx, sabnode.ContactCreate{
		Phone:     sabnode.Ptr("+919876543210"),
		FirstName: sabnode.Ptr("Asha"),
	})
	if err != nil {
		var taken *sabnode.UnprocessableEntityError
		var invalid *sabnode.BadRequestError
		var limited *sabnode.RateLimitError
		var conn *sabnode.ConnectionError
		switch {
		case errors.As(err, &taken):
			fmt.Println("already there:", *taken.Problem.ExistingID)
		case errors.As(err, &invalid):
			for _, f := range invalid.Errors {
				fmt.Println(f.Pointer, f.Message)
			}
		case errors.As(err, &limited):
			fmt.Println("retry after", limited.RetryAfter)
		case errors.As(err, &conn):
			fmt.Println("no answer:", conn.Err)
		}
		return
	}

	contact, err = client.Contacts.Update(ctx, contact.ID, sabnode.ContactUpdate{
		FirstName: sabnode.Value("Ravi"),
		Email:     sabnode.Null[string](),
	})
	if err != nil {
		return
	}

	page, err := client.Contacts.List(ctx, &sabnode.ContactsListParams{Tag: sabnode.Ptr("vip"), Limit: sabnode.Ptr(int64(100))})
	if err != nil {
		return
	}
	for item, err := range page.All(ctx) {
		if err != nil {
			return
		}
		if item.Contact != nil {
			fmt.Println(item.Contact.ID)
		}
	}

	found, err := client.Contacts.Search(ctx, sabnode.ContactSearch{FilterGroups: []sabnode.ContactSearchGroup{{Filters: []sabnode.ContactSearchFilter{
		{Field: "attributes.shipment_status", Operator: "eq", Value: "stuck"},
		{Field: "opt_in_status", Operator: "eq", Value: "opted_in"},
	}}}}, &sabnode.ContactsSearchParams{Limit: sabnode.Ptr(int64(100))})
	if err != nil {
		return
	}
	for item, err := range found.All(ctx) {
		if err == nil && item.Contact != nil {
			fmt.Println(item.Contact.ID)
		}
	}
}

func ExampleClient_WaitForBulkJob() {
	ctx := context.Background()
	client := sabnode.NewClient("")
	res, err := client.Contacts.BulkUpsert(ctx, sabnode.ContactsBulkUpsert{Items: []sabnode.ContactUpsertItem{{ExternalID: sabnode.Ptr("crm-1")}}})
	if err != nil {
		return
	}
	if res.BulkJob != nil {
		job, err := client.WaitForBulkJob(ctx, res.BulkJob.ID, time.Second)
		if err != nil {
			return
		}
		results, err := client.BulkJobs.ListResults(ctx, job.ID, nil)
		if err != nil {
			return
		}
		for r, err := range results.All(ctx) {
			if err == nil {
				fmt.Println(r.Index, r.Status)
			}
		}
		return
	}
	for _, r := range res.BulkJobWithResults.Results {
		fmt.Println(r.Index, r.Status, r.ID, r.Error)
	}
}

func ExampleEventsService_Stream() {
	ctx := context.Background()
	client := sabnode.NewClient("")
	for ev, err := range client.Events.Stream(ctx, &sabnode.EventsStreamParams{Types: []string{"contact.*"}}) {
		if err != nil {
			return
		}
		if c := ev.Data.Object.Contact; c != nil {
			fmt.Println(ev.Type, c.ID)
		}
	}
}

func ExampleWebhook_Verify() {
	wh, err := sabnode.NewWebhook(os.Getenv("SABNODE_WEBHOOK_SECRET"))
	if err != nil {
		return
	}
	http.HandleFunc("/hooks", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := wh.Verify(r.Header, body); err != nil {
			http.Error(w, "bad signature", http.StatusBadRequest)
			return
		}
		var ev sabnode.Event
		_ = json.Unmarshal(body, &ev)
		w.WriteHeader(http.StatusNoContent)
	})
}
