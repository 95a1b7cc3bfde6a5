# Activities read from the configuration itself, without a plan: the provider's default tags are merged in, a
# variable's default and a local value are looked up, and a template's literal text is checked.
variable "environment" {
  type    = string
  default = "staging eu"
}

locals {
  owner = "team#payments"
}

provider "aws" {
  default_tags {
    tags = {
      "aws:cost-center" = "1234"
      project           = "orders"
    }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
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
