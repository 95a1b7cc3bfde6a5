a = 1 + 2 * 3 - -4 / 5 % 6
b = x == y && !z || w >= 1.5e3
c = var.enabled ? "on" : null
d = [for s in var.list : upper(s) if s != ""]
e = {for k, v in var.map : k => v... if v != null}
f = aws_instance.web[*].id
g = var.list.*.name
h = local.tags["env"].x.0
i = max(var.numbers...)
j = provider::aws::arn_parse(var.arn)
k = (a + b) * c
l = {
  a = 1, b: 2
  "c" = [1, 2, 3,]
  (var.k) = true
}
