import ActivityLint
print(EmbeddedCatalog.files.count)
