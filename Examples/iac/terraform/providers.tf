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
