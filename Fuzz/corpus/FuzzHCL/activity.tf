terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = "prod"
      "cost-center" = "cc-1234"
    }
  }
}

variable "env" {
  type    = string
  default = "prod"
}

locals {
  prefix = "orders"
  names  = toset(["a", "b"])
}

resource "aws_sfn_activity" "orders" {
  name = "${local.prefix}-${var.env}"

  encryption_configuration {
    kms_key_id                        = aws_kms_key.activity.arn
    type                              = "CUSTOMER_MANAGED_KMS_KEY"
    kms_data_key_reuse_period_seconds = 900
  }

  tags = merge(var.tags, { Name = "orders" })
}

resource aws_sfn_activity each {
  for_each = local.names
  name     = "worker-${each.key}"
  lifecycle { create_before_destroy = true }
}
