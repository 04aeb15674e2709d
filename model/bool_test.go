package model

import "testing"

func TestParseBool(t *testing.T) {
	tests := []struct {
		in      string
		want    bool
		wantErr bool
	}{
		{"true", true, false}, {"TRUE", true, false}, {"True", true, false}, {"false", false, false},
		{"FALSE", false, false}, {"fAlSe", false, false}, {"1", true, false}, {"0", false, false},
		{"yes", true, false}, {"No", false, false}, {"y", true, false}, {"n", false, false},
		{"t", true, false}, {"f", false, false}, {"", false, false},
		{"tru", false, true}, {"truth", false, true}, {"fals3", false, true}, {"2", false, true},
		{"t\x00ue", false, true}, {"trUE ", true, false}, {" true", true, false}, {" FALSE\t", false, false},
		{"wahr", true, false}, {"Falsch", false, false}, {"ja", true, false}, {"NEIN", false, false},
		{"J", true, false}, {"ok", false, true}, {"x", false, true},
	}
	for _, tt := range tests {
		got, ok := parseBool([]byte(tt.in))
		if got != tt.want || ok == tt.wantErr {
			t.Errorf("parseBool(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, !tt.wantErr)
		}
	}
}
