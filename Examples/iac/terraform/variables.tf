variable "environment" {
  type    = string
  default = "staging eu"
}

variable "cost_center" {
  type    = string
  default = "finance#42"
}
