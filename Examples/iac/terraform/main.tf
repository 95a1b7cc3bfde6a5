# Activities of a module whose variables and provider configurations are in variables.tf and providers.tf: the
# provider's default tags are merged in, a variable's default and a local value are looked up in whichever file
# of the module declares them, and a template's literal text is checked.
locals {
  owner = "team#payments"
}

resource "aws_sfn_activity" "intake" {
  name = "order intake-${terraform.workspace}"
  tags = {
    project = "orders-intake" # replaces the default tag: no duplicate
    owner   = local.owner
  }
}

resource "aws_sfn_activity" "reports" {
  count    = 2
  provider = aws.west
  name     = var.environment
  encryption_configuration {
    type                              = "CUSTOMER_MANAGED_KMS_KEY"
    kms_data_key_reuse_period_seconds = 30
  }
}

resource "aws_sfn_activity" "archive" {
  # activity-lint: disable-next-line name-forbidden-character -- the archive's legacy name stays
  name = "archive#v1"
  encryption_configuration {
    type       = "AWS_OWNED_KEY"
    kms_key_id = aws_kms_key.archive.arn
  }
}

# One activity per key: Terraform makes the encryption block from `for_each` at plan time, so it is not checked.
resource "aws_sfn_activity" "per_key" {
  for_each = toset(["orders", "refunds"])
  name     = "per-key-${each.key}"
  dynamic "encryption_configuration" {
    for_each = [aws_kms_key.per_key[each.key].arn]
    content {
      type       = "CUSTOMER_MANAGED_KMS_KEY"
      kms_key_id = encryption_configuration.value
    }
  }
}
