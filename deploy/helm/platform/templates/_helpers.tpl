{{/* The part of the suite this release runs, checked against the known ones. */}}
{{- define "platform.service" -}}
{{- $known := list "organization" "grid" "volunteer" "workflow" "gateway" "web" -}}
{{- $service := required "service is required: organization, grid, volunteer, workflow, gateway or web" .Values.service -}}
{{- if not (has $service $known) -}}
{{- fail (printf "service is %q; use one of %s" $service (join ", " $known)) -}}
{{- end -}}
{{- $service -}}
{{- end -}}

{{/* Whether this release is one of the four domain services (own database, broker, migrations). */}}
{{- define "platform.isDomainService" -}}
{{- if has (include "platform.service" .) (list "organization" "grid" "volunteer" "workflow") -}}true{{- end -}}
{{- end -}}

{{- define "platform.database" -}}{{ include "platform.service" . }}db{{- end -}}

{{- define "platform.labels" -}}
app.kubernetes.io/name: {{ include "platform.service" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: platform
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "platform.selector" -}}
app.kubernetes.io/name: {{ include "platform.service" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "platform.image" -}}
{{- $repository := default (printf "platform/%s" (include "platform.service" .)) .Values.image.repository -}}
{{- printf "%s/%s:%s" .Values.image.registry $repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Settings that are not secret, as name: value (the ConfigMap's data, and the migration Job's env). */}}
{{- define "platform.settings" -}}
{{- $service := include "platform.service" . -}}
ASPNETCORE_ENVIRONMENT: Production
ASPNETCORE_HTTP_PORTS: {{ .Values.port | quote }}
Platform__Auth__Issuer: {{ .Values.issuer | quote }}
{{- range $i, $network := .Values.forwardedHeaders.knownNetworks }}
Platform__ForwardedHeaders__KnownNetworks__{{ $i }}: {{ $network | quote }}
{{- end }}
{{- if .Values.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ .Values.otlpEndpoint | quote }}
OTEL_SERVICE_NAME: {{ $service | quote }}
{{- end }}
{{- if include "platform.isDomainService" . }}
Platform__SeedDemoData: {{ .Values.seedDemoData | quote }}
Platform__Messaging__QueueType: {{ .Values.messaging.queueType | quote }}
Platform__Messaging__QuorumReplicas: {{ .Values.messaging.quorumReplicas | quote }}
{{- if .Values.messaging.nodes }}
Platform__Messaging__Nodes: {{ .Values.messaging.nodes | quote }}
{{- end }}
{{- end }}
{{- if eq $service "gateway" }}
{{- range $name, $address := .Values.routes }}
services__{{ $name }}__http__0: {{ $address | quote }}
{{- end }}
{{- end }}
{{- range $name, $value := .Values.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Environment from the Secrets: connection strings and keys (names of Secrets and keys only; values never in the chart). */}}
{{- define "platform.secretEnv" -}}
{{- $service := include "platform.service" . -}}
{{- $keys := .Values.secrets.keys -}}
{{- $connections := .Values.secrets.connections -}}
- name: Platform__Auth__ValidationKey
  valueFrom: { secretKeyRef: { name: {{ $keys }}, key: token-validation-key } }
{{- if include "platform.isDomainService" . }}
- name: Platform__PersonalData__LookupKey
  valueFrom: { secretKeyRef: { name: {{ $keys }}, key: personal-data-lookup-key } }
- name: ConnectionStrings__{{ include "platform.database" . }}
  valueFrom: { secretKeyRef: { name: {{ $connections }}, key: {{ include "platform.database" . }} } }
{{- if .Values.database.readReplica }}
- name: ConnectionStrings__{{ include "platform.database" . }}-read
  valueFrom: { secretKeyRef: { name: {{ $connections }}, key: {{ include "platform.database" . }}-read } }
{{- end }}
- name: ConnectionStrings__rabbitmq
  valueFrom: { secretKeyRef: { name: {{ $connections }}, key: rabbitmq } }
{{- end }}
{{- if or (include "platform.isDomainService" .) (eq $service "gateway") }}
- name: ConnectionStrings__redis
  valueFrom: { secretKeyRef: { name: {{ $connections }}, key: redis } }
{{- end }}
{{- if eq $service "organization" }}
- name: Platform__Auth__SigningKey
  valueFrom: { secretKeyRef: { name: {{ $keys }}, key: token-signing-key } }
- name: Platform__Auth__EncryptionKey
  valueFrom: { secretKeyRef: { name: {{ $keys }}, key: token-encryption-key } }
{{- end }}
{{- end -}}

{{/* The pod's own hardening: the images' non-root user, nothing writable but /tmp. */}}
{{- define "platform.podSecurity" -}}
runAsNonRoot: true
runAsUser: 1654
runAsGroup: 1654
fsGroup: 1654
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "platform.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: { drop: [ALL] }
{{- end -}}
