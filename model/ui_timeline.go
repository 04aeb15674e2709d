package model

// ProviderIDs returns every lead's mailbox provider as an index into names: the provider of its
// domain, else the one its reply text names, else OtherProvider (as Timeline by KeyProvider
// counts them). Both are built once per dataset and shared: do not change them.
func (ds *Dataset) ProviderIDs() (ids []int32, names []string) { return ds.providerIDs() }
