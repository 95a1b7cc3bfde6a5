name   = "orders-${var.env}\n\t\"\\\u00e9\U0001F600 $${literal} %%{literal}"
strip  = "a ${~ var.b ~} c%{ if var.c ~}  yes  %{~ else }no%{ endif }"
loop   = "%{ for k, v in var.m }${k}=${v},%{ endfor }"
policy = <<EOT
{"Statement": [${jsonencode(var.s)}]}
EOT
indented = <<-EOT
    Foo
      Bar
    ${var.baz}
    EOT
# comment
// comment
/* inline */ x = 1
