// Package sabnode is the Go client of the SabNode API.
//
// The typed layer (services.gen.go, types.gen.go) is generated from openapi.yaml by scripts/sdk/go.ts: every
// operation is a method client.<Resource>.<Method>(ctx, pathParams…, body, params, opts…). The rest of the
// package is the hand-written runtime: authentication, the pinned Api-Version, retries with idempotency keys,
// typed errors, pagination, the Server-Sent Events stream and webhook verification.
//
//	client := sabnode.NewClient(os.Getenv("SABNODE_API_KEY"))
//	contact, err := client.Contacts.Create(ctx, sabnode.ContactCreate{Phone: sabnode.Ptr("+919876543210")})
package sabnode
