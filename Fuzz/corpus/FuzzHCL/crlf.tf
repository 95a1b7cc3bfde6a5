resource "aws_sfn_activity" "a" {
  name = "orders"
  policy = <<EOT
line
EOT
}
